// The client's address as the TCP connection saw it, handed to Next.js's route handlers, server
// actions and pages in a request header, because they cannot see the socket. The server
// (scripts/serve.ts) calls stampPeerAddress first thing for every request. Plain JavaScript with no
// imports, so any server (a preload for a server we do not write, say) can use it as it is.

/** The request header that carries the connection's address inside the app. */
export const PEER_HEADER = "x-stillads-peer";

const STAMPED = Symbol.for("stillads.peerAddressStamped");

/**
 * Overwrites `x-stillads-peer` on an incoming Node request with the socket's remote address. A copy
 * the client sent itself is always removed first, so the header can only say what the connection said.
 * Call it first thing in a server's request handler.
 * @param {import("node:http").IncomingMessage} req
 */
export function stampPeerAddress(req) {
  const raw = req.socket?.remoteAddress ?? "";
  // An IPv4 client on a dual-stack socket shows as ::ffff:1.2.3.4; key it as the IPv4 address.
  const address = raw.startsWith("::ffff:") && raw.includes(".") ? raw.slice(7) : raw;
  delete req.headers[PEER_HEADER];
  // rawHeaders is what some frameworks copy instead of headers: drop the client's copy there too.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  if (address) {
    req.headers[PEER_HEADER] = address;
    req.rawHeaders.push(PEER_HEADER, address);
  }
  /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[STAMPED] = true;
}

/** True once this process has stamped a request, i.e. the header can be trusted. */
export function peerAddressIsStamped() {
  return /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[STAMPED] === true;
}

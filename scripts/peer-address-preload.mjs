// node --import ./scripts/peer-address-preload.mjs node_modules/next/dist/bin/next start
// Stamps every request of every HTTP server in this process with the connection's address
// (lib/http/peer-address.mjs) before the server's own handlers see it, for servers such as
// `next start` whose request handler we do not write ourselves.
import http from "node:http";
import { stampPeerAddress } from "../lib/http/peer-address.mjs";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") stampPeerAddress(args[0]);
  return emit.call(this, event, ...args);
};

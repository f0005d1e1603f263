import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { smtpTransport } from "@/lib/mail/transport";

/**
 * A real SMTP server on a random local port for integration tests. `onMessage` runs after a message
 * has arrived and before the server answers: return an Error to refuse it, or take your time to be a
 * slow server.
 */
export function fakeSmtpServer(onMessage: (mail: ParsedMail) => Promise<Error | void>) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => callback((await onMessage(await simpleParser(Buffer.concat(chunks)))) ?? undefined));
    },
  });
  let port = 0;
  return {
    start: () =>
      new Promise<void>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          port = (server.server.address() as { port: number }).port;
          resolve();
        }),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    transport: () => smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`),
  };
}

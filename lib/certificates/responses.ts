/** The answer when there is no kursusbevis to download (unknown link, not completed, or revoked). */
export function noCertificateResponse(): Response {
  return new Response("Der er intet gyldigt kursusbevis for denne tilmelding.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

// Reads a PDF's text back, as a person's PDF reader would show it: what the tests assert on.
import { extractText, getDocumentProxy } from "unpdf";

export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text };
}

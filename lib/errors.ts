/**
 * An expected failure of a form's domain rule: a Danish message for the page and, where it belongs
 * to fields, a message per field. Anything else thrown is unexpected and shown generically.
 */
export class FormError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "FormError";
  }
}

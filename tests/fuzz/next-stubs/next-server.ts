// Stand-in for next/server while fuzzing: the real module, except after(), which needs a request
// scope; the fuzz does not run the jobs it would kick.
export * from "next/server";

export function after(): void {}

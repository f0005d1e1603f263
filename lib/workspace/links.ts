import { env } from "../env";

/** The participant's workspaces, reached by their manage-link token or a workspace link minted for a mail. */
export function workspaceUrl(token: string): string {
  return new URL(`/stillads/${token}`, env().APP_URL).toString();
}

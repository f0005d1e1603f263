import type { ReactNode } from "react";

/** A status box that screen readers announce: what an action did, or what state a thing is in. */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="notice" role="status" data-testid={testId}>
      <p>{children}</p>
    </div>
  );
}

-- Failed sign-ins are counted per e-mail in "RateLimitBucket" (known and unknown addresses alike);
-- sessionVersion ends a user's sessions on a password reset, role change or deactivation.
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil",
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

// Stand-in for next/cache while fuzzing: there is no page cache to revalidate outside Next.js.
export function revalidatePath(): void {}
export function revalidateTag(): void {}
export function updateTag(): void {}

import { expect } from "vitest";
import { NewsroomError } from "../../plugin/errors.js";

/** Runs `fn`, requires it to throw a NewsroomError, and returns that error for closer checks. */
export function thrownBy(fn: () => unknown): NewsroomError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsroomError);
    return error as NewsroomError;
  }
  throw new Error("expected a NewsroomError, but nothing was thrown");
}

/** Every message down an error's chain (Eleventy wraps the plugin's error in its own). */
export function messageChain(error: unknown): string {
  const messages: string[] = [];
  for (let current = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 10; depth++) {
    if (current.message) messages.push(current.message);
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return messages.join("\n");
}

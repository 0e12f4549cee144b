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

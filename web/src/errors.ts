// What a failed call means for the person at the page, in words, and whether they must sign in again.
import { Code, ConnectError } from "@connectrpc/connect";

export interface Problem {
  message: string;
  /** signIn is true when the session is missing, expired or refused: the sign-in form must show. */
  signIn: boolean;
}

/** describeProblem turns any error from a mesh call into a message for the page. */
export function describeProblem(error: unknown): Problem {
  const err = ConnectError.from(error);
  switch (err.code) {
    case Code.Unauthenticated:
      return { message: `Your session has expired or is not valid (${err.rawMessage}). Please sign in again.`, signIn: true };
    case Code.PermissionDenied:
      return { message: `The mesh refused this session (${err.rawMessage}). Please sign in again.`, signIn: true };
    case Code.ResourceExhausted:
      return { message: "Too many requests for your school right now. Wait a minute and try again.", signIn: false };
    case Code.InvalidArgument:
      return { message: `The mesh could not use this input: ${err.rawMessage}`, signIn: false };
    case Code.Unimplemented:
      return { message: "This part of the mesh is not built yet.", signIn: false };
    case Code.Unavailable:
    case Code.DeadlineExceeded:
      return { message: "The mesh did not answer in time. Try again in a moment.", signIn: false };
    default:
      return { message: `Something went wrong in the mesh (${Code[err.code]}). Try again.`, signIn: false };
  }
}

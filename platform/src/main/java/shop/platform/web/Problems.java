package shop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The refusals a service's API answers with, made the same way in every service: the title
 * names the kind of problem, the detail the case. {@link ProblemResponses} writes them as
 * problem+json.
 */
public final class Problems {

    private Problems() {}

    /** 404: the resource the path names does not exist. */
    public static ErrorResponseException notFound(String title, String detail) {
        return problem(HttpStatus.NOT_FOUND, title, detail);
    }

    /** 409: the request clashes with what exists (a key taken). */
    public static ErrorResponseException conflict(String title, String detail) {
        return problem(HttpStatus.CONFLICT, title, detail);
    }

    /** 422: well-formed, but against a rule of the domain. */
    public static ErrorResponseException unprocessable(String title, String detail) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}

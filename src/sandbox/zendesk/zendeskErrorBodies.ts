import type { FakeResponse } from '../fakeTypes.js';

/** 404 for a record that does not exist (`users/{id}`, `users/{id}/tickets/requested`). */
export function recordNotFound(): FakeResponse {
  return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
}

/** 400 for a bad parameter value, in Zendesk's string-valued `error` shape. */
export function invalidParameter(description: string): FakeResponse {
  return { status: 400, body: { error: 'invalid', description } };
}

/**
 * 400 for a `page` value the endpoint cannot take (`page[size]` on an offset-only endpoint, a non-integer
 * `page`), in Zendesk's object-valued `error` shape.
 */
export function invalidPageAttribute(): FakeResponse {
  return {
    status: 400,
    body: { error: { title: 'Invalid attribute', message: 'You supplied an invalid value for page: page must be an integer' } },
  };
}

/** 400 for a bad cursor-pagination parameter (`page[size]` out of range, an unknown cursor). */
export function invalidPagination(description: string): FakeResponse {
  return { status: 400, body: { error: 'InvalidPaginationParameter', description } };
}

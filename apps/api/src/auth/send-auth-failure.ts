import type { Request, Response } from 'express';
import { ApiError } from '../api-error.js';
import { loginUrl } from './auth-errors.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A sign-in failure for a person (a short HTML page with a link to try again) or a program (the API's
 * JSON error). Never a stack trace, a token or what the provider sent back.
 */
export function sendAuthFailure({
  request,
  response,
  error,
}: {
  request: Request;
  response: Response;
  error: ApiError;
}) {
  response.status(error.status).set('cache-control', 'no-store');
  if (request.accepts(['json', 'html']) === 'html') {
    response.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign-in failed · ConnectorMCP</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Sign-in failed</h1><p>${escapeHtml(error.message)}</p>
<p><a href="${loginUrl}">Try again</a> · <a href="/">Back to the app</a></p></main></body></html>`);
    return;
  }
  response.json({ error: { code: error.code, message: error.message, details: error.details ?? null } });
}

export const loginFailed = (message: string) => new ApiError({ status: 400, code: 'login_failed', message });

import type { RequestHandler } from 'express';
import { ApiError } from '../api-error.js';
import { actingUser } from './acting-user.js';

/** Lets only admins through (403 `forbidden` for members). */
export const requireAdmin: RequestHandler = (request, _response, next) => {
  if (actingUser(request).role === 'admin') return next();
  next(new ApiError({ status: 403, code: 'forbidden', message: 'Only admins may do this.' }));
};

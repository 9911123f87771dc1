import { ApiRequestError } from '../../api/api-request-error.js';
import { apiErrorField } from './api-error-field.js';

const refused = ({
  status = 400,
  code = 'invalid_request',
  message,
  details,
}: {
  status?: number;
  code?: string;
  message: string;
  details?: unknown;
}) => new ApiRequestError({ status, code, message, details });

describe('apiErrorField', () => {
  const variableNames = ['MYSQL_SSL', 'MYSQL_SSL_CA', 'MYSQL_URL'];

  it('follows a validation detail’s path to the variable or field it names', () => {
    expect(
      apiErrorField({
        error: refused({
          message: 'MYSQL_SSL_CA is required by MySQL.',
          details: [{ path: 'secrets.MYSQL_SSL_CA', message: 'MYSQL_SSL_CA is required by MySQL.' }],
        }),
        variableNames,
      }),
    ).toEqual({ field: 'MYSQL_SSL_CA', message: 'MYSQL_SSL_CA is required by MySQL.' });
    expect(
      apiErrorField({
        error: refused({
          message: 'The request is not valid.',
          details: [{ path: 'callTimeoutMs', message: 'Too big' }],
        }),
        variableNames,
      }),
    ).toEqual({ field: 'callTimeoutSeconds', message: 'Too big' });
  });

  it('finds a variable named in the message, the longest name first', () => {
    expect(
      apiErrorField({ error: refused({ message: 'MYSQL_SSL_CA: not a PEM certificate' }), variableNames }).field,
    ).toBe('MYSQL_SSL_CA');
    expect(apiErrorField({ error: refused({ message: 'Something else broke.' }), variableNames }).field).toBeNull();
  });

  it('puts a taken id on the id field and keeps other failures for the form', () => {
    expect(
      apiErrorField({
        error: refused({ status: 409, code: 'datasource_exists', message: 'A datasource shop exists already.' }),
        variableNames,
      }),
    ).toEqual({ field: 'id', message: 'A datasource shop exists already.' });
    expect(apiErrorField({ error: new Error('offline'), variableNames })).toEqual({ field: null, message: 'offline' });
  });
});

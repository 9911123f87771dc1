export {
  extendedFormats,
  isValueFormat,
  readValueFormat,
  standardFormats,
  valueFormatAnnotation,
  valueFormatKeyword,
  valueFormats,
  type ExtendedFormat,
  type StandardFormat,
  type ValueFormat,
} from './read-value-format.js';
export {
  bytesNumber,
  currencyCodePattern,
  dateString,
  dateTimeString,
  decimalPattern,
  decimalString,
  identifierString,
  millisecondsNumber,
  moneySchema,
  type Money,
} from './value-format-schemas.js';

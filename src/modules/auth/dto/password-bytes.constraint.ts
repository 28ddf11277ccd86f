import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isValidPassword, PASSWORD_RULE } from '../credentials.js';

/** bcrypt reads at most 72 bytes, so the limit is on UTF-8 bytes, not characters. */
@ValidatorConstraint({ name: 'passwordBytes' })
export class PasswordBytesConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isValidPassword(value);
  }

  defaultMessage(): string {
    return `password must be ${PASSWORD_RULE}`;
  }
}

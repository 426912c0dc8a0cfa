/** Characters application/x-www-form-urlencoded leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;

/**
 * A query string byte-for-byte as URLSearchParams would write it, without building one per call:
 * the fixed fields (digits, hex, appids, openids) are nearly always safe as they are.
 */
export class FormQuery {
  /** Starts from pairs already written (by another FormQuery). */
  constructor(public text = '') {}

  add(name: string, value: string): void {
    this.append(`${formValue(name)}=${formValue(value)}`);
  }

  /** Pairs already written (by another FormQuery), as they are. */
  append(pairs: string): void {
    if (pairs === '') return;
    this.text = this.text === '' ? pairs : `${this.text}&${pairs}`;
  }
}

/** One name or value as URLSearchParams writes it (`a b&c` -> `a+b%26c`): as it is when already form-safe. */
export function formValue(text: string): string {
  return FORM_SAFE.test(text) ? text : new URLSearchParams([['', text]]).toString().slice(1);
}

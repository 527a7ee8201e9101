// Numbers and times as people read them.

export const dash = '–';

export function num(value, digits = 1, unit = '') {
  if (value === null || value === undefined || Number.isNaN(value)) return dash;
  return `${Number(value).toFixed(digits)}${unit ? `\u202f${unit}` : ''}`;
}

export function time(iso) {
  if (!iso) return dash;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? dash : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

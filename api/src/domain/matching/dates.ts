/** A DATE column's day, 'YYYY-MM-DD'. */
export const day = (d: Date) => d.toISOString().slice(0, 10);

/** Today (UTC), as a resource's validity dates are compared with it. */
export const today = () => new Date().toISOString().slice(0, 10);

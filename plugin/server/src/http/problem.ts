/**
 * A public read's refusal, in Strapi's error shape (`{ data: null, error: { status, name,
 * message, details } }`), never cached by a browser or a shared cache as the answer: the Open
 * Referral feed's and oEmbed's 4xx.
 */
export function problem(ctx: any, status: number, name: string, message: string, details: Record<string, unknown> = {}) {
  ctx.status = status;
  ctx.set('cache-control', 'no-cache');
  ctx.body = { data: null, error: { status, name, message, details } };
}

// Harness stand-in for next/link outside a Next.js router: a plain link.
import type { AnchorHTMLAttributes } from "react";
export default function Link({
  href,
  prefetch: _p,
  replace: _r,
  scroll: _s,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean; replace?: boolean; scroll?: boolean }) {
  return <a href={href} {...rest} />;
}

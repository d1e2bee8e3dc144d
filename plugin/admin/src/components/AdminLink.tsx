import { Link } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';

/** A link to another admin page, styled as the design system's links. */
export function AdminLink({ to, children }: { to: string; children: ReactNode }) {
  const RouterLink = NavLink as any;
  return (
    <Link tag={RouterLink} to={to}>
      {children}
    </Link>
  );
}

import { SetMetadata } from '@nestjs/common';
import type { Scope } from '../config/gateway-config.js';

export const PUBLIC_ROUTE = 'gateway:public';
export const REQUIRED_SCOPE = 'gateway:scope';
export const PUBLIC_UNLESS = 'gateway:public-unless';

/** Switches, set in config, that make an otherwise public route require an `admin` key. */
export type AdminSwitch = 'metricsRequireAdmin';

/** Health and docs: no caller key. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/** The scope a caller's key needs for this route or controller. */
export const RequiresScope = (scope: Scope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Operational routes: no key, unless the named config switch asks for an `admin` key. */
export const PublicUnlessConfigured = (adminSwitch: AdminSwitch) => SetMetadata(PUBLIC_UNLESS, adminSwitch);

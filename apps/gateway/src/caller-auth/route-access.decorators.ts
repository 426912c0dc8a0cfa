import { SetMetadata } from '@nestjs/common';
import type { Scope } from '../config/gateway-config.js';

export const PUBLIC_ROUTE = 'gateway:public';
export const REQUIRED_SCOPE = 'gateway:scope';

/** Health and docs: no caller key. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/** The scope a caller's key needs for this route or controller. */
export const RequiresScope = (scope: Scope) => SetMetadata(REQUIRED_SCOPE, scope);

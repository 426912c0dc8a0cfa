import { Module } from '@nestjs/common';

/** Module shell: the store interface, Redis and memory stores and the read-through policy land here. */
@Module({})
export class CacheModule {}

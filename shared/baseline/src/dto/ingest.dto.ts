/**
 * DTO classes for POST /ingest/v1. Only itemCount and timestamp are validated; the items are still mapped
 * into IngestItemDto instances (and the rest copied) because that is what plainToInstance does by default.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsPositive, Max } from 'class-validator';
import { MESSAGES, type PositiveIntegerField } from '@hotpath/api';
import { inOrder } from '../framework/decorators.ts';

export class IngestItemDto {
  sku?: unknown;
  qty?: unknown;
  price?: unknown;
  tags?: unknown;
}

const positiveSafeInteger = (field: PositiveIntegerField) =>
  inOrder([
    IsDefined({ message: MESSAGES.required(field) }),
    IsInt({ message: MESSAGES.notPositiveInteger(field) }),
    IsPositive({ message: MESSAGES.notPositiveInteger(field) }),
    Max(Number.MAX_SAFE_INTEGER, { message: MESSAGES.tooLarge(field) }),
  ]);

export class IngestDto {
  source?: unknown;

  @positiveSafeInteger('timestamp')
  timestamp!: number;

  @positiveSafeInteger('itemCount')
  itemCount!: number;

  @IsOptional()
  @Type(() => IngestItemDto)
  items?: IngestItemDto[];
}

export class IngestAcceptedDto {
  readonly accepted: true;
  readonly itemCount: number;
  readonly timestamp: number;

  constructor(itemCount: number, timestamp: number) {
    // Assigned in this order so the JSON reads {"accepted":true,"itemCount":…,"timestamp":…}.
    this.accepted = true;
    this.itemCount = itemCount;
    this.timestamp = timestamp;
  }
}

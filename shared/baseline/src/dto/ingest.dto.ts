/**
 * DTO classes for POST /ingest/v1. Only itemCount and timestamp are validated; the items are still mapped
 * into IngestItemDto instances (and the rest copied) because that is what plainToInstance does by default.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsPositive, Max } from 'class-validator';

export class IngestItemDto {
  sku?: unknown;
  qty?: unknown;
  price?: unknown;
  tags?: unknown;
}

const positiveSafeInteger = (field: string) => [
  IsDefined({ message: `${field} is required` }),
  IsInt({ message: `${field} must be a positive integer` }),
  IsPositive({ message: `${field} must be a positive integer` }),
  Max(Number.MAX_SAFE_INTEGER, { message: `${field} must be at most ${Number.MAX_SAFE_INTEGER}` }),
];

function apply(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class IngestDto {
  source?: unknown;

  @apply(positiveSafeInteger('timestamp'))
  timestamp!: number;

  @apply(positiveSafeInteger('itemCount'))
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

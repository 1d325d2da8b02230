/** DTO classes for the todo routes, validated by class-validator decorators and mapped by class-transformer. */
import 'reflect-metadata';
import { MAX_TITLE_LENGTH, MESSAGES } from '@hotpath/api';
import { inOrder } from '../framework/decorators.ts';
import { Expose } from 'class-transformer';
import { IsBoolean, IsDefined, IsString, ValidateBy, ValidateIf } from 'class-validator';

/** Length in UTF-16 code units, as the API defines it (validator.js counts surrogate pairs as one). */
const TitleLength = () =>
  ValidateBy({
    name: 'titleLength',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= MAX_TITLE_LENGTH,
      defaultMessage: () => MESSAGES.titleLength,
    },
  });

export class CreateTodoDto {
  @inOrder([IsDefined({ message: MESSAGES.titleRequired }), IsString({ message: MESSAGES.titleNotString }), TitleLength()])
  title!: string;

  @ValidateIf((dto: CreateTodoDto) => dto.isComplete !== undefined)
  @IsBoolean({ message: MESSAGES.isCompleteNotBoolean })
  isComplete?: boolean;
}

/** What the todo routes return; serialized with instanceToPlain. */
export class TodoDto {
  @Expose() id: number;
  @Expose() title: string;
  @Expose() isComplete: boolean;

  constructor(id: number, title: string, isComplete: boolean) {
    this.id = id;
    this.title = title;
    this.isComplete = isComplete;
  }
}

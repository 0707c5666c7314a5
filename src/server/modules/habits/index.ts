/** The habits module's public surface: the person's own self-care plan (it owns `habits`, `habit_ticks`). */
export { HabitService } from './habits.service.js';

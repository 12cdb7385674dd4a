// STUB until actors/models/load-model.ts lands on main.
import type { Model, SavedModel } from '../../models/model.js';

export function loadModel(saved: SavedModel): Model | Promise<Model> {
  throw new Error(`loadModel: ${saved.kind} not available yet`);
}

// The JSON the workshop page reads (/view.json): the state as it is, with the diagram drawn as SVG in
// place of its drawing, so the page puts it into the document as it comes.
import type { Renderer } from '../../models/render.js';
import type { WorkshopState, WorkshopStateJson } from '../../models/workshop.js';
import { renderSvg } from '../svg/diagram.js';

export const workshopJson: Renderer<WorkshopState> = (state) => {
  const view = state.view === null ? null : (() => {
    const { title, lang, diagram, ...rest } = state.view;
    return { title, lang, svg: renderSvg(diagram), ...rest };
  })();
  const json: WorkshopStateJson = { version: state.version, ok: state.ok, errors: state.errors, view };
  return JSON.stringify(json);
};

/**
 * Viva Learning beside the product's learning paths: the signed-in person's course activities
 * from Microsoft Graph (`GraphVivaLearning`), on the services object's shared Graph cache and
 * coalescer, so its request joins the other Graph reads of the same tick in one `$batch`.
 * Courses Graph refuses (the admin has not approved the scopes) are "not available", not a
 * failure.
 */
import { GraphVivaLearning } from '../connectors/graph/vivaLearning';
import { graphOf } from './graph';
import type { EngageServices } from './services';

export { VivaLearningError, type VivaCourse, type VivaCourses, type VivaCourseStatus } from '../connectors/graph/vivaLearning';

/** What the parts read of Viva Learning, for the signed-in person. */
export interface VivaLearningServices {
  courses: GraphVivaLearning['courses'];
}

export function vivaLearningOf(services: EngageServices): VivaLearningServices {
  return services.capability('vivaLearning', (all): VivaLearningServices => {
    const reader = new GraphVivaLearning(all.connections.graph, graphOf(all));
    return { courses: () => reader.courses() };
  });
}

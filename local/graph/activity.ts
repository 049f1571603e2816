/**
 * Viva Learning course activities and Teams activity notifications.
 *
 * `POST /users/{id}/teamwork/sendActivityNotification` takes the parameters of the
 * userTeamwork-bound action in the v1.0 metadata: topic, activityType, previewText (required),
 * chainId, teamsAppId, templateParameters, iconId. A parameter the action does not have (such
 * as `recipient`, which belongs to the chat/team-bound variants) is rejected with 400, as
 * Graph does. Accepted notifications are recorded (sender, recipient, time) and listed at
 * `GET /_local/notifications`, whether a person sent them (recognitions, delegated) or an app
 * (the relay's pulse reminders, application permission TeamsActivity.Send.User, refused with 403
 * while `/_local/app-permissions` says it is not granted).
 */
import type { Person } from '../tenant/directory';
import { appPermissionGranted } from '../server/admin';
import type { LocalResponse } from '../server/types';
import { badRequest, GraphCall, GraphFailure, graphJson, graphNoContent } from './http';
import { paginate } from './query';

export function listCourseActivities(call: GraphCall, person: Person): LocalResponse {
  if (person.id !== call.request.user.id) {
    throw new GraphFailure(
      403,
      'Forbidden',
      "Delegated LearningAssignedCourse.Read and LearningSelfInitiatedCourse.Read read the signed-in user's own course activities only."
    );
  }
  const activities = call.plant.courseActivities(person.id);
  const page = paginate(call, activities, { defaultSize: 100, maxSize: 1000 });
  const body: Record<string, unknown> = {
    '@odata.context': `${call.root}/$metadata#users('${person.id}')/employeeExperience/learningCourseActivities`
  };
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items;
  return graphJson(call, 200, body);
}

const PARAMETERS = ['topic', 'activityType', 'chainId', 'previewText', 'teamsAppId', 'templateParameters', 'iconId'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the action body; returns the normalised notification or throws a 400. */
export function validateNotification(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    throw badRequest('Send a JSON object with topic, activityType and previewText.');
  }
  const canonical = new Map(PARAMETERS.map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = canonical.get(key.toLowerCase());
    if (!name) {
      throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendActivityNotification'.`);
    }
    out[name] = value;
  }
  const topic = out.topic;
  if (!isRecord(topic) || typeof topic.value !== 'string' || topic.value === '') {
    throw badRequest("'topic' is required: { source: 'text' | 'entityUrl', value, webUrl }.");
  }
  if (topic.source !== 'text' && topic.source !== 'entityUrl') {
    throw badRequest("topic.source must be 'text' or 'entityUrl'.");
  }
  if (topic.source === 'text' && (typeof topic.webUrl !== 'string' || !/^https?:\/\//.test(topic.webUrl))) {
    throw badRequest("topic.webUrl is required (an absolute URL) when topic.source is 'text'.");
  }
  if (typeof out.activityType !== 'string' || out.activityType.trim() === '') {
    throw badRequest("'activityType' is required: an activity type declared in the Teams app manifest.");
  }
  const preview = out.previewText;
  if (!isRecord(preview) || typeof preview.content !== 'string') {
    throw badRequest("'previewText' is required: { content }.");
  }
  if (preview.content.length > 150) {
    throw badRequest('previewText.content must be at most 150 characters.');
  }
  if (out.templateParameters !== undefined) {
    const parameters = out.templateParameters;
    if (!Array.isArray(parameters) || !parameters.every((p) => isRecord(p) && typeof p.name === 'string' && (p.value === undefined || p.value === null || typeof p.value === 'string'))) {
      throw badRequest("'templateParameters' must be an array of { name, value } with string values.");
    }
  }
  if (out.chainId !== undefined && (typeof out.chainId !== 'number' || !Number.isInteger(out.chainId))) {
    throw badRequest("'chainId' must be an integer.");
  }
  for (const name of ['teamsAppId', 'iconId']) {
    if (out[name] !== undefined && out[name] !== null && typeof out[name] !== 'string') {
      throw badRequest(`'${name}' must be a string.`);
    }
  }
  return out;
}

export function sendActivityNotification(call: GraphCall, recipient: Person, body: unknown): LocalResponse {
  const notification = validateNotification(body);
  const sender = call.request.user;
  // An app (the relay's pulse reminders) sends with the application permission TeamsActivity.Send.User.
  if (sender.isApp === true && !appPermissionGranted(call.context.db, 'TeamsActivity.Send.User')) {
    throw new GraphFailure(403, 'Forbidden', 'Missing role permissions on the request. API requires one of TeamsActivity.Send.User, TeamsActivity.Send.');
  }
  const created = call.context.now().toISOString();
  call.plant.addNotification(sender.id, recipient.id, created, {
    ...notification,
    sender: { id: sender.id, displayName: sender.displayName, userPrincipalName: sender.userPrincipalName },
    recipient: { id: recipient.id, displayName: recipient.displayName, userPrincipalName: recipient.userPrincipalName },
    createdDateTime: created
  });
  return graphNoContent(call);
}

/** `GET /_local/notifications[?recipient=id|upn]`, `DELETE /_local/notifications`. */
export function localNotifications(call: GraphCall): LocalResponse {
  if (call.request.method === 'DELETE') {
    const cleared = call.plant.clearNotifications();
    return graphJson(call, 200, { cleared });
  }
  if (call.request.method !== 'GET') {
    throw new GraphFailure(405, 'MethodNotAllowed', 'Use GET or DELETE.');
  }
  const filterBy = call.request.query.get('recipient');
  const recipient = filterBy ? call.context.directory.byId(filterBy) ?? call.context.directory.byLogin(filterBy) : undefined;
  const value = call.plant
    .notifications()
    .filter((record) => !filterBy || record.recipientId === recipient?.id)
    .map((record) => ({ id: record.id, ...record.json }));
  return graphJson(call, 200, { value });
}

import type { Translation } from '../i18n/catalogue';
import type { authMessages } from './auth.messages';

export const authMessagesEn: Translation<typeof authMessages> = {
  'signIn.title': 'Sign in',
  'signIn.lead': 'Planning and analysis of accompanied work visits in city twinnings.',
  'signIn.demo.title': 'Demo: choose a role',
  'signIn.demo.body':
    'This environment runs on synthetic demo data. Each role sees and may do what it would in real life.',
  'signIn.as': 'Sign in as {role}',
  'signIn.role.MANAGEMENT': 'Dashboards on demand, decisions, capacity and budget.',
  'signIn.role.PLANNER': 'Regional clusters and joint missions.',
  'signIn.role.ANALYST': 'Figures, lessons and good practices.',
  'signIn.role.STAFF': 'Assess and decide requests.',
  'signIn.coordinator.title': 'Twinning coordinator',
  'signIn.coordinator.body': 'Submit requests for your municipality and follow them up.',
  'signIn.municipality': 'Municipality',
  'signIn.jwt.title': 'Sign in with a token',
  'signIn.jwt.body':
    'Paste the access token (JWT) your organisation gave you. Signing in through OpenID Connect comes later.',
  'signIn.jwt.token': 'Access token',
  'signIn.jwt.submit': 'Sign in',
  'signIn.jwt.empty': 'Enter a token.',
  'signIn.expired': 'Your session expired or the token was refused. Please sign in again.',
  'signIn.configError': 'The sign-in settings could not be loaded. Is the server running?',
};

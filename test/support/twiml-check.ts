// The checks live with the call simulator (tools/kazoo), which plays Kazoo's side the same way.
export { twimlProblems } from '../../tools/kazoo/twiml.js';

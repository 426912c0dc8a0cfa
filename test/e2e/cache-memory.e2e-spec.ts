import { cacheBehaviourSuite } from './cache-behaviour.js';

// No REDIS_URL: the gateway uses its in-memory LRU (the npm start default).
cacheBehaviourSuite('memory', () => ({ REDIS_URL: '' }));

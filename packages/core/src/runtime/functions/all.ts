/** Loads every function family so the registry is complete. */
import './string.js';
import './json.js';
import './math.js';
import './datetime.js';
import './hash.js';
import './conditional.js';
import './collection.js';
import './overlaps.js';

import "../../../src/index.js";

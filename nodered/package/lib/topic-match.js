'use strict';

// MQTT topic filter matching: '+' is one level, '#' (last) is any number of levels, including none
// (MQTT 3.1.1 §4.7.1.2-3). Topics starting with '$' are not matched by a leading wildcard (§4.7.2).
function topicMatches(filter, topic) {
    const f = filter.split('/');
    const t = topic.split('/');
    if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) {
        return false;
    }
    for (let i = 0; i < f.length; i++) {
        if (f[i] === '#') {
            return true;
        }
        if (i >= t.length) {
            return false;
        }
        if (f[i] !== '+' && f[i] !== t[i]) {
            return false;
        }
    }
    return f.length === t.length;
}

module.exports = { topicMatches };

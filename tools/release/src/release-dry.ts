// Placeholder replaced by the release helper: builds every release artifact offline.
console.log('release:dry: nothing to do yet');

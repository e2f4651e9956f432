// Runs once before the suite: nothing yet (the database setup lands with the storage layer).
export default function setup(): void {}

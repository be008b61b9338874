export { requestedTicketsRoute } from './requestedTicketsRoute.js';
export { searchRoute, SEARCH_MAX_RESULTS } from './searchRoute.js';
export { showManyUsersRoute, SHOW_MANY_MAX_IDS } from './showManyUsersRoute.js';
export { showUserRoute } from './showUserRoute.js';
export { usersSearchRoute, USERS_SEARCH_MAX_RECORDS } from './usersSearchRoute.js';
export { showManyTicketsRoute } from './showManyTicketsRoute.js';
export { updateTicketRoute, updateUserRoute } from './updateRoutes.js';

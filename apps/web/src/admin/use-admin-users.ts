import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, UserRole } from '../account/account-types.js';
import { apiRequest } from '../api/api-request.js';

export const adminUsersQueryKey = ['admin', 'users'] as const;

/** Everyone who ever acted here, with their role, groups and when they were last seen (admins only). */
export function useAdminUsers() {
  return useQuery({
    queryKey: adminUsersQueryKey,
    queryFn: ({ signal }) => apiRequest<{ users: AdminUser[] }>({ path: '/api/admin/users', signal }),
    select: (data) => data.users,
  });
}

export interface UserChange {
  roleOverride?: UserRole | null;
  disabled?: boolean;
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) =>
      apiRequest<AdminUser>({ path: `/api/admin/users/${encodeURIComponent(id)}`, method: 'PATCH', body: change }),
    onSuccess: (updated) => {
      client.setQueryData<{ users: AdminUser[] }>(adminUsersQueryKey, (current) =>
        current ? { users: current.users.map((user) => (user.id === updated.id ? updated : user)) } : current,
      );
    },
  });
}

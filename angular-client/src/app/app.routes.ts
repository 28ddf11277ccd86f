import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './features/auth/auth.guards';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in · redis-chat',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/sign-in.component').then((m) => m.SignInComponent),
  },
  {
    path: 'sign-up',
    title: 'Create an account · redis-chat',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/sign-up.component').then((m) => m.SignUpComponent),
  },
  {
    path: '',
    title: 'redis-chat',
    canActivate: [signedInGuard],
    loadComponent: () =>
      import('./features/chat/chat-shell.component').then((m) => m.ChatShellComponent),
  },
  { path: '**', redirectTo: '' },
];

import { create } from 'zustand';
import type { Actor } from '../../../shared/auth/roles';

/** A step between checking a password and entering the app. */
export type AuthStep =
  /** The new administrator (or a recovered one) must print the recovery code before going on. */
  | { readonly kind: 'recoveryCode'; readonly code: string; readonly login: string; readonly actor: Actor; readonly renewed: boolean }
  /** The password an admin set must be replaced first; `current` is the one just typed (kept only in memory). */
  | { readonly kind: 'changePassword'; readonly login: string; readonly current: string };

interface AuthState {
  readonly step: AuthStep | null;
  /** Set when the idle timer signed the user out, so the sign-in screen says why. */
  readonly idleSignedOut: boolean;
  /** The login of the last user (the sign-in form starts with it after a sign-out). */
  readonly lastLogin: string;
  /** The sign-in screen shows the recovery-code form instead of the sign-in form. */
  readonly recovering: boolean;
  readonly setStep: (step: AuthStep | null) => void;
  readonly setIdleSignedOut: (idle: boolean) => void;
  readonly setLastLogin: (login: string) => void;
  readonly setRecovering: (recovering: boolean) => void;
}

/** UI state of signing in (the session itself is renderer/db/session.ts). Never persisted. */
export const useAuthStore = create<AuthState>()((set) => ({
  step: null,
  idleSignedOut: false,
  lastLogin: '',
  recovering: false,
  // A step (recovery code, new password) ends any recovery in progress: the next sign-in screen is the ordinary one.
  setStep: (step) => { set({ step, recovering: false }); },
  setIdleSignedOut: (idleSignedOut) => { set({ idleSignedOut }); },
  setLastLogin: (lastLogin) => { set({ lastLogin }); },
  setRecovering: (recovering) => { set({ recovering }); },
}));

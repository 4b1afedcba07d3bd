import { createContext, useContext, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      role
      nisCode
      municipalityName
      displayName
      allowedMutations
    }
  }
`);

export type Viewer = ViewerQuery['viewer'];

const Context = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <Context.Provider value={viewer}>{children}</Context.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(Context);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}

/** Whether the signed-in role may call a mutation: what it may not do is not offered. */
export function useCan(mutation: string): boolean {
  return useViewer().allowedMutations.includes(mutation);
}

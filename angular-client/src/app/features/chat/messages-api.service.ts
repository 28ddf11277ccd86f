import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MessagePage } from '@shared/chat-events';
import { firstValueFrom } from 'rxjs';

/** Messages per history request; the server accepts up to 100. */
export const PAGE_SIZE = 50;

/** A room's history, read by message-id cursor so pages never overlap or skip. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  /** The newest messages, or those just before `before` (a message id). */
  page(roomId: string, before?: number): Promise<MessagePage> {
    let params = new HttpParams().set('limit', PAGE_SIZE);
    if (before !== undefined) params = params.set('before', before);

    return firstValueFrom(
      this.http.get<MessagePage>(`/api/rooms/${encodeURIComponent(roomId)}/messages`, { params }),
    );
  }
}

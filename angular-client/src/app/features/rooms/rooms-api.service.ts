import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChannelListing, RoomSummary, UserPresence } from '@shared/chat-events';
import { firstValueFrom } from 'rxjs';

/** Rooms, channels and people, as the signed-in user may see them. */
@Injectable({ providedIn: 'root' })
export class RoomsApi {
  private readonly http = inject(HttpClient);

  myRooms(): Promise<RoomSummary[]> {
    return firstValueFrom(this.http.get<RoomSummary[]>('/api/rooms'));
  }

  openPrivateRoom(userId: number): Promise<RoomSummary> {
    return firstValueFrom(this.http.post<RoomSummary>('/api/rooms/private', { userId }));
  }

  channels(): Promise<ChannelListing[]> {
    return firstValueFrom(this.http.get<ChannelListing[]>('/api/channels'));
  }

  createChannel(name: string): Promise<RoomSummary> {
    return firstValueFrom(this.http.post<RoomSummary>('/api/channels', { name }));
  }

  joinChannel(roomId: string): Promise<RoomSummary> {
    return firstValueFrom(
      this.http.post<RoomSummary>(`/api/channels/${encodeURIComponent(roomId)}/join`, {}),
    );
  }

  async leaveChannel(roomId: string): Promise<void> {
    await firstValueFrom(this.http.post(`/api/channels/${encodeURIComponent(roomId)}/leave`, {}));
  }

  onlineUsers(): Promise<UserPresence[]> {
    return firstValueFrom(this.http.get<UserPresence[]>('/api/users/online'));
  }

  users(ids: number[]): Promise<UserPresence[]> {
    const params = new HttpParams().set('ids', ids.join(','));

    return firstValueFrom(this.http.get<UserPresence[]>('/api/users', { params }));
  }
}

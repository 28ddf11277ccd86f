import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorResponseDto } from '../../common/error-response.dto.js';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { clearSessionCookies, ensureCsrfCookie, setSessionCookies } from './auth-cookies.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { Authenticated } from './authenticated.decorator.js';
import { CurrentUser } from './current-user.decorator.js';
import { AuthResultDto, AuthUserDto, DemoUsersDto } from './dto/auth-responses.dto.js';
import { SignInDto, SignUpDto } from './dto/credentials.dto.js';
import type { AuthenticatedSession } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly auth: AuthService,
  ) {}

  @Post('sign-up')
  @ApiOperation({ summary: 'Create an account and start a session' })
  @ApiCreatedResponse({
    type: AuthResultDto,
    description: 'Also sets the session and CSRF cookies',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The name is taken in any case' })
  async signUp(
    @Body() body: SignUpDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedIn> {
    const signedIn = await this.auth.signUp(body.username, body.password);
    setSessionCookies(response, signedIn.token, this.config.cookieSecure);

    return signedIn;
  }

  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start a new session for an existing account' })
  @ApiOkResponse({ type: AuthResultDto, description: 'Also sets the session and CSRF cookies' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many failed attempts for the account or address; see Retry-After',
  })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedIn> {
    const signedIn = await this.auth.signIn(body.username, body.password, request.ip);
    setSessionCookies(response, signedIn.token, this.config.cookieSecure);

    return signedIn;
  }

  @Post('sign-out')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'Also clears the cookies' })
  async signOut(
    @CurrentUser() session: AuthenticatedSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(session);
    clearSessionCookies(response, this.config.cookieSecure);
  }

  @Post('sign-out-everywhere')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End every session of the signed-in user, on every device' })
  @ApiNoContentResponse({ description: 'Also clears the cookies' })
  async signOutEverywhere(
    @CurrentUser() session: AuthenticatedSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOutEverywhere(session.userId);
    clearSessionCookies(response, this.config.cookieSecure);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user; also makes sure the CSRF cookie is set' })
  @ApiOkResponse({ type: AuthUserDto })
  async me(
    @CurrentUser() session: AuthenticatedSession,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthUserDto> {
    const user = await this.auth.findUser(session.userId);
    ensureCsrfCookie(request, response, this.config.cookieSecure);

    return user;
  }

  @Get('demo-users')
  @ApiOperation({ summary: 'Names of the demo users present, for quick sign-in' })
  @ApiOkResponse({ type: DemoUsersDto })
  async demoUsers(): Promise<DemoUsersDto> {
    return { usernames: await this.auth.findDemoUsernames() };
  }
}
